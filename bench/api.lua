-- wrk script: GET /api/v3/checks/ with the read-write key in API_KEY (a dashboard polling).
local key = os.getenv("API_KEY")
request = function()
  return wrk.format("GET", "/api/v3/checks/", { ["X-Api-Key"] = key })
end
