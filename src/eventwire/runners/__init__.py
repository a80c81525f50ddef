"""Executors that move batches of articles through the pipeline into a store (local; Ray)."""
