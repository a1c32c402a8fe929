-- wrk script: the web UI's checks page (PAGE) with a logged-in session (SESSION), as a browser asks.
local session = os.getenv("SESSION")
local page = os.getenv("PAGE")
request = function()
  return wrk.format("GET", page, { ["Cookie"] = "mychecks_session=" .. session, ["Accept"] = "text/html" })
end
