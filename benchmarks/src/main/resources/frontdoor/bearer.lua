-- wrk: every request carries the bearer token, read from the environment (never written to disk or argv)
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ALLURIS_BENCH_TOKEN")
