-- wrk script: GET /ping/<uuid> cycling over the UUIDs in the file named by CODES_FILE.
local codes = {}
local file = os.getenv("CODES_FILE") or "codes.txt"
for line in io.lines(file) do
  if #line > 0 then codes[#codes + 1] = line end
end

local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/ping/" .. codes[(counter % #codes) + 1])
end
