"""The answering core: a question becomes `Evidence` (retrieval and sentence scoring), then
a `Draft` (refuse, or which sentences to quote and which passages cite them), then an
`Answer` numbered once by `finalize`. Knows nothing of the news desk or the front ends."""
