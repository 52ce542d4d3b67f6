"""Inputs and outputs: document readers, input discovery, JSON/CSV/Parquet tables and the renderers."""
