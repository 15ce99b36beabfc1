"""The remote backend: requests run on the Processing API.

client.py (the HTTP protocol: create, poll, fetch; 429, retries, resume, the key never said),
backend.py (RemoteBackend, as the runner uses it), search.py (the API's scene search),
ledger.py (the remote tasks' ledger: resume, reuse). Import from the module that owns a name.
"""
