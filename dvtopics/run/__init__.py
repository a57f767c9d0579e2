"""How a job runs: in worker processes, streamed with resume (batch), or in parts on a Dask cluster."""
