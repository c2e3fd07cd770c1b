-- wrk script: order placements, each with its own Idempotency-Key (PRODUCT from the environment).
local product = os.getenv("PRODUCT")
local counter = 0
local thread_id = 0
setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
request = function()
  counter = counter + 1
  local key = string.format("bench-%d-%d-%d", tid or 0, counter, math.random(1, 1e9))
  local body = string.format('{"productId":"%s","quantity":1,"email":"bench%d@example.com"}', product, counter)
  return wrk.format("POST", "/api/orders", {["Content-Type"] = "application/json", ["Idempotency-Key"] = key}, body)
end
