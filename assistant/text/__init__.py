"""Text handling for matching and quoting: normalize (folding), tokens (BM25 words and dates), layout (sentences)."""
