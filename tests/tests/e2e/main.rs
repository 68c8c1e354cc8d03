//! The generated clients end to end: every seed operation through its fluent builder against
//! `scripts/mock_server.py` on loopback, which verifies signatures with the official Python
//! SDK's functions, the action and the API version. The server answers with the documents'
//! own example responses (`specgen_e2e::documented_response`); `express_connect` does the same
//! for every operation the corpus pages added. Fails, never skips, when the
//! Python packages are missing (`pip install -r scripts/requirements.txt`).

mod credentials;
mod express_connect;
mod faults;
mod operations;
mod pagination;
mod shapes;
mod support;
mod validation;
