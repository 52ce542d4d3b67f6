"""``python -m caresocial``."""

from caresocial.cli import main

main()
