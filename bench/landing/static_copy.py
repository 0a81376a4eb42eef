#!/usr/bin/env python3
"""Serve a file through the app's own static-asset pipeline (MapStaticAssets), for bench/landing.sh.

Usage: static_copy.py APP_DIR FILE ROUTE
APP_DIR is a copy of the app's build output. Adds FILE to its static web assets as ROUTE (e.g. bench/landing.html):
a content root in the runtime manifest (which the host loads with UseStaticWebAssets) and an endpoint with the headers
the build gives every asset (Content-Length, Content-Type, a strong ETag, Last-Modified, Cache-Control: no-cache), so
the same host serves the same bytes as a static file, the way it serves its own CSS and JS.
"""
import base64
import email.utils
import hashlib
import json
import os
import sys

app_dir, file, route = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
runtime = os.path.join(app_dir, "AdPilot.Web.staticwebassets.runtime.json")
endpoints = os.path.join(app_dir, "AdPilot.Web.staticwebassets.endpoints.json")

with open(runtime, encoding="utf-8") as f:
    manifest = json.load(f)
manifest["ContentRoots"].append(os.path.dirname(file) + "/")
node = manifest["Root"]
parts = route.split("/")
for folder in parts[:-1]:
    node["Children"] = node.get("Children") or {}
    node = node["Children"].setdefault(folder, {"Children": {}, "Asset": None, "Patterns": None})
node["Children"] = node.get("Children") or {}
node["Children"][parts[-1]] = {
    "Children": None,
    "Asset": {"ContentRootIndex": len(manifest["ContentRoots"]) - 1, "SubPath": os.path.basename(file)},
    "Patterns": None,
}
with open(runtime, "w", encoding="utf-8") as f:
    json.dump(manifest, f)

with open(file, "rb") as f:
    body = f.read()
digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
with open(endpoints, encoding="utf-8") as f:
    listing = json.load(f)
listing["Endpoints"].append({
    "Route": route,
    "AssetFile": route,
    "Selectors": [],
    "ResponseHeaders": [
        {"Name": "Cache-Control", "Value": "no-cache"},
        {"Name": "Content-Length", "Value": str(len(body))},
        {"Name": "Content-Type", "Value": "text/html"},
        {"Name": "ETag", "Value": f'"{digest}"'},
        {"Name": "Last-Modified", "Value": email.utils.formatdate(os.path.getmtime(file), usegmt=True)},
    ],
    "EndpointProperties": [{"Name": "integrity", "Value": f"sha256-{digest}"}],
})
with open(endpoints, "w", encoding="utf-8") as f:
    json.dump(listing, f)
