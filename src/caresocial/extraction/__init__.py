"""Text to records: segmentation, the figure grammar, quotes and speakers, claims, and the spaCy pipeline."""
