-- wrk script: POST a render of one sample reply (used by scripts/load-test.sh and load-test-replicas.sh).
wrk.method = "POST"
wrk.path = "/v1/replies/waste/missed-collection-public/render"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"channel": "x-reply", "vars": {"customer.first_name": "Ana", "agent.full_name": "Jordan Reyes"}}'
-- Behind a proxy the replicas need their token (scripts/load-test-replicas.sh).
local token = os.getenv("REPLYLINT_TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end

-- Print latency percentiles and any non-2xx count in a form the script can grep.
done = function(summary, latency, requests)
  io.write(string.format("requests %d errors %d non2xx %d\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
  for _, p in pairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%g %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
