"""python -m flowin_desktop: the same as the flowin-desktop command."""

import sys

from . import main

sys.exit(main())
