-- wrk script: a buyer's order page polling its order (GET /api/orders/{id} with its token).
-- ORDER and TOKEN come from the environment; ETAG (optional) makes every poll conditional (304).
local order = os.getenv("ORDER")
local token = os.getenv("TOKEN")
local etag = os.getenv("ETAG")
wrk.method = "GET"
wrk.path = "/api/orders/" .. order
wrk.headers["Authorization"] = "Bearer " .. token
if etag and etag ~= "" then
  wrk.headers["If-None-Match"] = etag
end
