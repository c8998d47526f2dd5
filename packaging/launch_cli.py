"""The bundle's flowin executable: the command line, `flowin serve` included (PyInstaller runs this file)."""

from flowin_engine.cli import main

main(prog_name="flowin")
