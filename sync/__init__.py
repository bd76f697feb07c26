"""Sync with headquarters: wire protocol, request signing, the HQ server and the client."""
