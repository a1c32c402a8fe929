-- wrk script: GET /ping/<uuid>, each request for a check picked at random from the UUIDs in
-- the file named by CODES_FILE (as many cron jobs pinging at unrelated times would).
local codes = {}
local file = os.getenv("CODES_FILE") or "codes.txt"
for line in io.lines(file) do
  if #line > 0 then codes[#codes + 1] = line end
end

local thread_id = 0
setup = function(thread)
  thread_id = thread_id + 1
  thread:set("seed", thread_id)
end

init = function(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
end

request = function()
  return wrk.format("GET", "/ping/" .. codes[math.random(#codes)])
end
