#!/usr/bin/env python3
"""Generates a provisioning at scale for bench/scale.sh (a benchmark input, not product code).

    bench/scale-assets.py N DIR [--prometheus-url URL] [--jobs J]

DIR gets what a team's repository would hold, in the layout lint reads:
  grafana/provisioning/datasources/datasources.yaml   20 Prometheus datasources (scale-ds-01 the default)
  grafana/provisioning/dashboards/dashboards.yaml     one file provider, foldersFromFilesStructure
  grafana/dashboards/folder-NNN/scale-dash-NNNNN.json N dashboards, 20 per folder (N/20 folders), each
                                                      with a datasource variable DS and 4 panels using it
  prometheus/prometheus.yml                           J scrape jobs (default 200), each Prometheus' own /federate
  compose/scale.yaml                                  Prometheus + Grafana, mounting the above
  peaktrade-obs.yaml                                  the contract: the 20 datasources, the N dashboards
                                                      in their folders with their DS variable
  prometheus-contract.yaml                            a contract of the J jobs and one golden query per job
--prometheus-url is what the datasources point at (as Grafana sees Prometheus).
"""
import json
import os
import sys

DATASOURCES = 20
PER_FOLDER = 20
PANELS = 4


def main():
    args = sys.argv[1:]
    prom_url = "http://prometheus:9090"
    jobs = 200
    if "--prometheus-url" in args:
        i = args.index("--prometheus-url")
        prom_url = args[i + 1]
        del args[i:i + 2]
    if "--jobs" in args:
        i = args.index("--jobs")
        jobs = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    n, out = int(args[0]), args[1]
    folders = max(1, n // PER_FOLDER)

    def write(rel, text):
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    ds_uids = ["scale-ds-%02d" % (i + 1) for i in range(DATASOURCES)]
    lines = ["apiVersion: 1", "", "datasources:"]
    for i, uid in enumerate(ds_uids):
        lines += ["  - name: %s" % uid, "    uid: %s" % uid, "    type: prometheus", "    access: proxy",
                  "    orgId: 1", "    url: %s" % prom_url, "    isDefault: %s" % ("true" if i == 0 else "false"),
                  "    editable: false", "    jsonData:", "      httpMethod: POST"]
    write("grafana/provisioning/datasources/datasources.yaml", "\n".join(lines) + "\n")
    write("grafana/provisioning/dashboards/dashboards.yaml", "\n".join([
        "apiVersion: 1", "", "providers:", "  - name: scale", "    orgId: 1", "    type: file",
        "    disableDeletion: true", "    allowUiUpdates: false", "    updateIntervalSeconds: 3600",
        "    options:", "      path: %s" % os.path.join(os.path.abspath(out), "grafana/dashboards"),
        "      foldersFromFilesStructure: true"]) + "\n")

    contract_dashboards = []
    for d in range(n):
        uid = "scale-dash-%05d" % d
        folder = "folder-%03d" % (d % folders)
        ds = ds_uids[d % DATASOURCES]
        ref = {"type": "prometheus", "uid": "${DS}"}
        panels = []
        for p in range(PANELS):
            expr = 'sum(rate(prometheus_http_requests_total{handler="/api/v1/query",job="scale-job-%03d"}[5m]))' % (
                (d + p) % jobs)
            panels.append({"id": p + 1, "type": "timeseries", "title": "Panel %d of %s" % (p + 1, uid),
                           "datasource": ref, "gridPos": {"h": 8, "w": 12, "x": 12 * (p % 2), "y": 8 * (p // 2)},
                           "targets": [{"refId": "A", "datasource": ref, "expr": expr, "legendFormat": "rate"}]})
        dash = {"id": None, "uid": uid, "title": "Scale dashboard %05d" % d, "tags": ["scale"], "timezone": "browser",
                "schemaVersion": 39, "version": 1, "refresh": "30s", "time": {"from": "now-30m", "to": "now"},
                "editable": False, "templating": {"list": [{
                    "type": "datasource", "name": "DS", "label": "Prometheus", "query": "prometheus",
                    "current": {"selected": False, "text": ds, "value": ds}, "options": [], "refresh": 1,
                    "hide": 0}]},
                "panels": panels}
        write("grafana/dashboards/%s/%s.json" % (folder, uid), json.dumps(dash, indent=2) + "\n")
        contract_dashboards.append("    - {uid: %s, folder: %s, variables: [{name: DS, kind: datasource}]}" % (uid, folder))

    # every job scrapes Prometheus itself, through /federate for one series: 200 targets that are up
    # and cost next to nothing (its own /metrics, 200 times every few seconds, overloads 2 cores)
    scrape = ["global:", "  scrape_interval: 5s", "  evaluation_interval: 5s", "", "scrape_configs:"]
    for j in range(jobs):
        scrape += ["  - job_name: scale-job-%03d" % j, "    metrics_path: /federate",
                   "    params: {'match[]': ['prometheus_build_info']}",
                   "    static_configs:", "      - targets: ['localhost:9090']"]
    write("prometheus/prometheus.yml", "\n".join(scrape) + "\n")

    write("compose/scale.yaml", "\n".join([
        "name: peaktrade-scale", "services:",
        "  prometheus:", "    image: ${PEAKTRADE_OBS_PROMETHEUS_IMAGE:-prom/prometheus:v3.14.0}",
        "    command: [--config.file=/etc/prometheus/prometheus.yml, --storage.tsdb.path=/prometheus]",
        "    volumes:", "      - ../prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
        "    ports: [\"127.0.0.1:9092:9090\"]",
        "  grafana:", "    image: ${PEAKTRADE_OBS_GRAFANA_IMAGE:-grafana/grafana:12.4.5}",
        "    depends_on: [prometheus]",
        "    volumes:", "      - ../grafana/provisioning:/etc/grafana/provisioning:ro",
        "      - ../grafana/dashboards:/etc/grafana/dashboards:ro",
        "    ports: [\"127.0.0.1:3000:3000\"]"]) + "\n")

    contract = ["# generated by bench/scale-assets.py %d: %d dashboards in %d folders, %d datasources, %d jobs"
                % (n, n, folders, DATASOURCES, jobs), "apiVersion: peaktrade-obs/v1", "", "grafana:", "  datasources:"]
    for i, uid in enumerate(ds_uids):
        contract.append("    - {uid: %s, name: %s%s}" % (uid, uid, ", default: true" if i == 0 else ""))
    contract += ["  datasource_variables:", "    - {name: DS, allowed: [%s]}" % ", ".join(ds_uids), "  dashboards:"]
    contract += contract_dashboards
    contract += ["  query:", "    datasource: scale-ds-01", "    promql: up", "", "prometheus:", "  jobs: []",
                 "  queries: []"]
    write("peaktrade-obs.yaml", "\n".join(contract) + "\n")

    targets = ["# generated by bench/scale-assets.py: %d jobs, one golden query each" % jobs,
               "apiVersion: peaktrade-obs/v1", "", "prometheus:", "  jobs:"]
    targets += ["    - name: scale-job-%03d" % j for j in range(jobs)]
    targets += ["  queries:"]
    targets += ["    - {name: up_%03d, promql: 'up{job=\"scale-job-%03d\"}'}" % (j, j) for j in range(jobs)]
    write("prometheus-contract.yaml", "\n".join(targets) + "\n")


if __name__ == "__main__":
    main()
