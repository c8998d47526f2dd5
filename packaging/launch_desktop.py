"""The bundle's flowin-desktop executable: the desktop app (PyInstaller runs this file)."""

import sys

from flowin_desktop import main

sys.exit(main())
