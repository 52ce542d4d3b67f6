"""Lexicon data files (see :mod:`caresocial.lexicons`): one ``<concept>.txt`` per list of words."""
