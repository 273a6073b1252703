"""Turning files on disk into documents: sniff the type, extract text per page, import."""
