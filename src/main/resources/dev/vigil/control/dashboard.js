// The vigil dashboard: reads the token from the URL fragment (kept in memory only), shows
// /api/status and /api/runs, and follows /api/events. Every piece of data goes into the page
// through textContent or setAttribute, never as markup.
"use strict";
(function () {
  const STATES = ["starting", "watching", "debouncing", "running", "paused", "polling",
    "waiting-for-root", "error"];
  const RESULTS = ["passed", "failed", "cancelled", "error"];
  const STAGE_MARKS = {
    passed: "✓", cached: "✓", failed: "✗", timeout: "✗", cancelled: "–", skipped: "–",
    running: "▶"
  };
  const RUN_EVENTS = ["run-queued", "run-started", "stage-started", "stage-finished",
    "run-finished"];
  const RETRY_MS = 5000;

  const $ = (id) => document.getElementById(id);
  const token = takeToken();
  const model = { status: null, runs: [], live: new Map(), finished: new Map() };
  const cards = new Map();
  let statusSeq = 0;
  let refreshTimer = null;

  if (!token) {
    setConnection("closed", "not connected");
    showMessage("No token in the address. Open the dashboard with 'vigil open', which adds it.");
    return;
  }
  $("trigger-all").disabled = false;
  $("trigger-all").addEventListener("click", (e) => command(e.currentTarget, "trigger", null));
  refresh();
  connect();
  setInterval(updateAges, 1000);
  setInterval(() => scheduleRefresh(0), 15000);

  function takeToken() {
    const match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
    history.replaceState(null, "", location.pathname + location.search);
    try {
      return match ? decodeURIComponent(match[1]) : null;
    } catch (e) {
      return null;
    }
  }

  // ---- talking to the daemon ----

  async function api(method, path, body) {
    const headers = { "Authorization": "Bearer " + token };
    if (body) {
      headers["Content-Type"] = "application/json";
    }
    let response;
    try {
      response = await fetch(path, {
        method, headers, cache: "no-store", body: body ? JSON.stringify(body) : undefined
      });
    } catch (e) {
      throw new Error("cannot reach the daemon (" + e.message + "); is it running?");
    }
    const text = await response.text();
    if (!response.ok) {
      let reason = "HTTP " + response.status;
      try { reason = JSON.parse(text).error || reason; } catch (ignored) { /* not JSON */ }
      if (response.status === 401) {
        reason += ". If the daemon restarted, open the dashboard again with 'vigil open'.";
      }
      throw new Error(method + " " + path + ": " + reason);
    }
    return text ? JSON.parse(text) : null;
  }

  function scheduleRefresh(delay) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, delay === undefined ? 50 : delay);
  }

  async function refresh() {
    const seq = ++statusSeq;
    try {
      const [status, runs] = await Promise.all(
        [api("GET", "/api/status"), api("GET", "/api/runs?limit=20")]);
      if (seq !== statusSeq) {
        return;
      }
      model.status = status;
      model.runs = runs;
      showMessage("");
      render();
      if (status.projects.some(statusLags)) {
        scheduleRefresh(300);
      }
    } catch (e) {
      if (seq === statusSeq) {
        showMessage(e.message);
      }
    }
  }

  // The run-finished event can arrive before the daemon's status has caught up with it.
  function statusLags(p) {
    const finished = model.finished.get(p.name);
    return p.state === "running" && !model.live.has(p.name) && isNewer(finished, p.lastRun);
  }

  async function command(button, verb, project) {
    button.disabled = true;
    try {
      await api("POST", "/api/" + verb, project ? { project } : null);
      showMessage("");
    } catch (e) {
      showMessage(e.message);
    } finally {
      button.disabled = false;
      scheduleRefresh(0);
    }
  }

  function connect() {
    setConnection("connecting", "connecting…");
    const source = new EventSource("/api/events?token=" + encodeURIComponent(token));
    source.onopen = () => {
      setConnection("open", "live");
      model.live.clear();
      scheduleRefresh(0);
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        setConnection("closed", "disconnected; retrying");
        setTimeout(connect, RETRY_MS);
      } else {
        setConnection("reconnecting", "reconnecting…");
      }
    };
    RUN_EVENTS.forEach((type) => source.addEventListener(type, (e) => {
      onRunEvent(type, JSON.parse(e.data));
    }));
    source.addEventListener("config-error", (e) => {
      const text = JSON.parse(e.data).text;
      if (model.status) {
        model.status.daemon.configError = text;
      }
      addActivity("config not applied");
      render();
      scheduleRefresh();
    });
    source.addEventListener("config-applied", (e) => {
      addActivity("config applied: " + JSON.parse(e.data).text);
      scheduleRefresh();
    });
  }

  function onRunEvent(type, event) {
    const run = event.run;
    const name = run.project;
    if (type === "run-queued") {
      addActivity(name + " queued: " + reason(run.trigger));
      scheduleRefresh();
      return;
    }
    if (type === "run-finished") {
      model.live.delete(name);
      if (isNewer(run, model.finished.get(name))) {
        model.finished.set(name, run);
      }
      model.runs = [run].concat(model.runs.filter((r) => r.runId !== run.runId)).slice(0, 20);
      addActivity(run.runId + " " + run.result + " in " + duration(run.durationMs));
      scheduleRefresh();
    } else {
      model.live.set(name, { run, stage: type === "stage-started" ? event.stage : null });
      if (type === "run-started") {
        addActivity(run.runId + " started: " + reason(run.trigger));
      } else if (type === "stage-finished") {
        const stage = run.stages.find((s) => s.name === event.stage);
        addActivity(run.runId + " " + event.stage + " " + (stage ? stage.status : "finished"));
      }
    }
    render();
  }

  // ---- rendering ----

  function render() {
    const status = model.status;
    if (!status) {
      return;
    }
    renderDaemon(status.daemon);
    const list = $("projects");
    const names = new Set(status.projects.map((p) => p.name));
    for (const [name, card] of cards) {
      if (!names.has(name)) {
        card.root.remove();
        cards.delete(name);
      }
    }
    status.projects.forEach((p, i) => {
      if (!cards.has(p.name)) {
        cards.set(p.name, createCard(p.name));
      }
      const card = cards.get(p.name);
      updateCard(card, p);
      if (list.children[i] !== card.root) {
        list.insertBefore(card.root, list.children[i] || null);
      }
    });
    renderHistory();
    updateAges();
  }

  function renderDaemon(daemon) {
    $("daemon").textContent = daemon.state + " · pid " + daemon.pid + " · " + daemon.version;
    $("daemon").title = daemon.configFile ? "config: " + daemon.configFile : "embedded config";
    $("config-error").hidden = !daemon.configError;
    $("config-error-text").textContent = daemon.configError || "";
  }

  function createCard(name) {
    const trigger = button("Run now", "trigger-" + name, "Run " + name + " now");
    const pause = button("Pause", "pause-" + name, "Pause " + name);
    const resume = button("Resume", "resume-" + name, "Resume " + name);
    trigger.addEventListener("click", () => command(trigger, "trigger", name));
    pause.addEventListener("click", () => command(pause, "pause", name));
    resume.addEventListener("click", () => command(resume, "resume", name));
    const state = el("span", { "class": "state", "data-testid": "project-state-" + name });
    const body = el("div", { "class": "body" });
    const root = el("article", { "class": "project", "data-testid": "project-" + name }, [
      el("header", {}, [
        el("h3", { text: name }), state, el("div", { "class": "actions" }, [trigger, pause, resume])
      ]),
      body
    ]);
    return { root, state, pause, resume, body, key: null };
  }

  function updateCard(card, p) {
    const live = model.live.get(p.name);
    const state = live ? "running" : p.state;
    card.root.dataset.state = state;
    card.state.className = "state state-" + known(state, STATES);
    card.state.textContent = state;
    const paused = state === "paused";
    const focusMoves = document.activeElement === (paused ? card.pause : card.resume);
    card.pause.hidden = paused;
    card.resume.hidden = !paused;
    if (focusMoves) {
      (paused ? card.resume : card.pause).focus();
    }
    const finished = model.finished.get(p.name);
    const last = isNewer(finished, p.lastRun) ? finished : p.lastRun;
    card.root.dataset.result = last ? known(last.result, RESULTS) : "none";
    const view = { live, last, pending: p.pendingChanges, stale: p.stale };
    const key = JSON.stringify(view);
    if (key !== card.key) {
      card.key = key;
      card.body.replaceChildren(...cardBody(p.name, view));
    }
  }

  function cardBody(name, view) {
    const parts = [];
    if (view.live) {
      const run = view.live.run;
      parts.push(el("p", { "class": "now", "data-testid": "running-" + name }, [
        "▶ " + (run.runId || "run") + " running" + (view.live.stage ? ": " + view.live.stage : ""),
        " · " + reason(run.trigger) + " · started ", age(run.startedAt)
      ]));
      const current = view.live.stage ? [{ name: view.live.stage, status: "running" }] : [];
      parts.push(stageList("live-stage-" + name + "-", run.stages.concat(current)));
    }
    if (view.pending > 0) {
      parts.push(el("p", { "class": "note", text: view.pending + " changed path(s) waiting" }));
    }
    if (view.stale) {
      parts.push(el("p", { "class": "note", text: "files changed during the last run" }));
    }
    const run = view.last;
    if (!run) {
      parts.push(el("p", { "class": "muted", "data-testid": "last-result-" + name,
        text: "no run yet" }));
      return parts;
    }
    parts.push(el("p", { "class": "last" }, [
      el("span", { "class": "result result-" + known(run.result, RESULTS),
        "data-testid": "last-result-" + name, text: run.result }),
      " ", el("span", { "class": "run-id", "data-testid": "run-id-" + name, text: run.runId }),
      " · " + reason(run.trigger) + " · ", age(run.finishedAt), " · " + duration(run.durationMs)
    ]));
    parts.push(stageList("stage-" + name + "-", run.stages));
    run.stages.filter((s) => s.status === "failed" || s.status === "timeout")
      .forEach((s) => parts.push(failure(name, s)));
    return parts;
  }

  function stageList(testIdPrefix, stages) {
    return el("ol", { "class": "stages", "aria-label": "stages" }, stages.map((s) => el("li", {
      "class": "stage stage-" + s.status, "data-testid": testIdPrefix + s.name
    }, [
      el("span", { "class": "mark", "aria-hidden": "true", text: STAGE_MARKS[s.status] || "·" }),
      " " + s.name + " ",
      el("span", { "class": "stage-status", text: s.status }),
      s.exitCode !== undefined && s.exitCode !== null && s.exitCode !== 0
        ? " (exit " + s.exitCode + ")" : "",
      stageTime(s)
    ])));
  }

  /** How long the stage took; for a cached one, the time the stored result saved, as the console. */
  function stageTime(s) {
    if (s.status === "cached" && s.savedMs !== undefined && s.savedMs !== null) {
      const remote = s.cachedFrom && s.cachedFrom.source === "remote" ? " from the remote cache" : "";
      return " (" + duration(s.savedMs) + " saved)" + remote;
    }
    return s.durationMs === undefined || s.status === "skipped" ? "" : " " + duration(s.durationMs);
  }

  function failure(name, stage) {
    const box = el("section", { "class": "failure", "data-testid": "failure-" + name + "-" +
      stage.name }, [el("h4", { text: stage.name + " " + stage.status })]);
    if (stage.diagnostics.length > 0) {
      box.appendChild(el("ul", { "class": "diagnostics", "data-testid": "diagnostics-" + name },
        stage.diagnostics.map(diagnostic)));
    }
    if (stage.outputTail) {
      const pre = el("pre", { "class": "output", "data-testid": "output-" + name + "-" +
        stage.name, tabindex: "0", text: stage.outputTail });
      box.appendChild(el("details", { open: "" },
        [el("summary", { text: "output (end)" }), pre]));
      requestAnimationFrame(() => { pre.scrollTop = pre.scrollHeight; });
    }
    return box;
  }

  function diagnostic(d) {
    let where = d.file;
    if (d.line > 0) {
      where += ":" + d.line + (d.column > 0 ? ":" + d.column : "");
    }
    return el("li", { "class": "diagnostic" }, [
      el("code", { "class": "where", text: where }), " ",
      el("span", { "class": "severity severity-" + known(d.severity, ["error", "warning", "note"]),
        text: d.severity }), " ",
      el("span", { "class": "text", text: (d.code ? "[" + d.code + "] " : "") + d.message }),
      d.seen >= 2 ? el("span", { "class": "seen", text: " seen " + d.seen + "x this week" }) : "",
      d.lastFix ? lastFix(d.lastFix) : ""
    ]);
  }

  function lastFix(fix) {
    return el("details", { "class": "last-fix", "data-testid": "last-fix" }, [
      el("summary", { text: "last fixed " + new Date(fix.at).toLocaleString() + " in run " + fix.runId }),
      el("pre", { "class": "diff", text: fix.diff })
    ]);
  }

  function renderHistory() {
    if (model.runs.length === 0) {
      $("history-rows").replaceChildren(el("tr", {}, [
        el("td", { colspan: "5", "class": "muted", text: "no finished runs yet" })]));
      return;
    }
    $("history-rows").replaceChildren(...model.runs.map((run) => el("tr", {}, [
      el("td", {}, [el("span", { "class": "run-id", text: run.runId })]),
      el("td", {}, [el("span", { "class": "result result-" + known(run.result, RESULTS),
        text: run.result })]),
      el("td", { text: reason(run.trigger) }),
      el("td", {}, [age(run.finishedAt)]),
      el("td", { text: duration(run.durationMs) })
    ])));
  }

  function addActivity(text) {
    const list = $("activity");
    list.prepend(el("li", { text: new Date().toLocaleTimeString() + "  " + text }));
    while (list.children.length > 100) {
      list.lastChild.remove();
    }
  }

  function setConnection(state, text) {
    $("connection").dataset.state = state;
    $("connection").textContent = text;
  }

  function showMessage(text) {
    $("message").textContent = text;
    $("message").hidden = !text;
  }

  // ---- small helpers ----

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") {
        node.textContent = v;
      } else {
        node.setAttribute(k, v);
      }
    }
    for (const child of children || []) {
      if (child !== "" && child !== null && child !== undefined) {
        node.append(child);
      }
    }
    return node;
  }

  function button(text, testId, label) {
    return el("button", { type: "button", "data-testid": testId, "aria-label": label, text });
  }

  function age(iso) {
    const node = el("time", { "class": "age" });
    if (iso) {
      node.dateTime = iso;
      node.title = new Date(iso).toLocaleString();
    }
    return node;
  }

  function updateAges() {
    const now = Date.now();
    document.querySelectorAll("time.age").forEach((node) => {
      node.textContent = node.dateTime ? ago(now - Date.parse(node.dateTime)) : "–";
    });
  }

  function ago(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 5) return "just now";
    if (s < 60) return s + " s ago";
    if (s < 3600) return Math.floor(s / 60) + " min ago";
    if (s < 86400) return Math.floor(s / 3600) + " h ago";
    return Math.floor(s / 86400) + " d ago";
  }

  function duration(ms) {
    if (ms < 1000) return ms + " ms";
    // tenths rounded half up, as the console rounds them (3050 ms is 3.1 s in both; toFixed gave 3.0)
    if (ms < 60000) return (Math.round(ms / 100) / 10).toFixed(1) + " s";
    return Math.floor(ms / 60000) + " min " + Math.round((ms % 60000) / 1000) + " s";
  }

  function reason(trigger) {
    if (!trigger) return "";
    switch (trigger.kind) {
      case "change": {
        const n = trigger.changedCount || trigger.changed.length;
        if (trigger.changed.length === 0) return n + " file(s) changed";
        return trigger.changed[0] + " changed" + (n > 1 ? " (+" + (n - 1) + " more)" : "");
      }
      case "manual": return "manual trigger";
      case "startup": return "daemon start";
      case "after": return "after an upstream project passed";
      case "config": return "config changed";
      default: return String(trigger.kind);
    }
  }

  function known(word, words) {
    return words.includes(word) ? word : "other";
  }

  function runNumber(run) {
    const match = run && run.runId ? /-(\d+)$/.exec(run.runId) : null;
    return match ? Number(match[1]) : -1;
  }

  function isNewer(run, than) {
    return !!run && (!than || runNumber(run) > runNumber(than));
  }
})();
