"""eventwire tests."""
