// Mychecks web UI: dialogs, copy buttons, live status, the schedule fields. No inline script: the
// Content-Security-Policy allows only this file.
(function () {
  "use strict";

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // dialogs
  $all("[data-open]").forEach(function (b) {
    b.addEventListener("click", function () {
      var d = document.getElementById(b.getAttribute("data-open"));
      if (d && d.showModal) { d.showModal(); }
    });
  });
  $all("dialog [data-close]").forEach(function (b) {
    b.addEventListener("click", function () { b.closest("dialog").close(); });
  });
  function dialogOpen() { return !!$("dialog[open]"); }

  // forms that ask first
  $all("form[data-confirm]").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      if (!window.confirm(f.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  });

  // copy buttons
  $all("[data-copy]").forEach(function (b) {
    b.addEventListener("click", function () {
      var text = document.getElementById(b.getAttribute("data-copy")).textContent;
      var done = function () { var t = b.textContent; b.textContent = "Copied"; setTimeout(function () { b.textContent = t; }, 1500); };
      if (navigator.clipboard) { navigator.clipboard.writeText(text).then(done, function () {}); }
    });
  });

  // live status
  function setFavicon(down) {
    var icon = document.getElementById("favicon");
    if (icon) { icon.href = icon.getAttribute(down ? "data-down" : "data-up"); }
  }
  function setStatus(el, status, word) {
    if (!el) { return; }
    el.className = el.className.replace(/\bst-[a-z]+\b/, "st-" + status);
    el.textContent = word;
  }
  function poll(url, every, apply) {
    var busy = false;
    function tick() {
      if (document.hidden || busy) { return; }
      busy = true;
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(apply)
        .catch(function () {})
        .then(function () { busy = false; });
    }
    setInterval(tick, every);
    document.addEventListener("visibilitychange", tick);
  }

  var checksPage = document.getElementById("checks-page");
  function refreshRows(count) {
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("table.checks tbody"), here = document.querySelector("table.checks tbody");
        if (!fresh || !here) { window.location.reload(); return; }
        here.replaceWith(document.importNode(fresh, true));
        total = count;
        checksPage.setAttribute("data-count", String(count));
      })
      .catch(function () {});
  }
  if (checksPage) {
    var total = parseInt(checksPage.getAttribute("data-count"), 10);
    poll(checksPage.getAttribute("data-status-url"), 1500, function (data) {
      if (data.details.length !== total) {
        // a check was added or removed elsewhere: swap in the new rows, no reload
        if (!dialogOpen()) { refreshRows(data.details.length); }
        return;
      }
      data.details.forEach(function (d) {
        var row = $('tr[data-code="' + d.code + '"]');
        if (!row) { return; }
        var st = $("[data-status]", row);
        if (st && st.textContent !== d.word) {
          setStatus(st, d.status, d.word);
        }
        var lp = $("[data-last-ping]", row);
        if (lp) { lp.textContent = d.last_ping; lp.title = d.last_ping_exact; }
        var du = $("[data-duration]", row);
        if (du) { du.textContent = d.last_duration; }
      });
      document.title = data.title;
      setFavicon(data.down > 0);
    });
  }

  var detailsPage = document.getElementById("details-page");
  if (detailsPage) {
    var seen = null;
    poll(detailsPage.getAttribute("data-status-url"), 1500, function (d) {
      if (seen !== null && d.n_pings !== seen && !dialogOpen()) { window.location.reload(); return; }
      seen = d.n_pings;
      setStatus($("[data-status]", detailsPage), d.status, d.word);
      var lp = $("[data-last-ping]");
      if (lp) { lp.textContent = d.last_ping; }
    });
  }

  // schedule fields: kind switch, duration sliders, cron preview
  var MIN = 60, MAX = 31536000, UNITS = { minutes: 60, hours: 3600, days: 86400, weeks: 604800 };
  function human(s) {
    var parts = [], names = [["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60]];
    for (var i = 0; i < names.length && parts.length < 2; i++) {
      var n = Math.floor(s / names[i][1]);
      if (n > 0) { parts.push(n + " " + names[i][0] + (n === 1 ? "" : "s")); s -= n * names[i][1]; }
      else if (parts.length) { break; }
    }
    return parts.length ? parts.join(" ") : "less than a minute";
  }
  function toSlider(s) { return Math.round(1000 * Math.log(Math.max(MIN, Math.min(MAX, s)) / MIN) / Math.log(MAX / MIN)); }
  function fromSlider(v) {
    var s = MIN * Math.pow(MAX / MIN, v / 1000);
    if (s < 3600) { return Math.round(s / 60) * 60; }
    if (s < 86400) { return Math.round(s / 3600) * 3600; }
    return Math.round(s / 86400) * 86400;
  }
  function bestUnit(s) { return s % 604800 === 0 ? "weeks" : s % 86400 === 0 ? "days" : s % 3600 === 0 ? "hours" : "minutes"; }
  $all("[data-duration]").forEach(function (box) {
    var slider = $("[data-slider]", box), value = $("[data-value]", box), unit = $("[data-unit]", box), out = $("[data-human]", box);
    function seconds() { return (parseFloat(value.value) || 0) * UNITS[unit.value]; }
    function show() {
      var s = seconds();
      out.textContent = s < MIN || s > MAX ? "Choose between 1 minute and 365 days." : human(s);
      out.classList.toggle("error-text", s < MIN || s > MAX);
    }
    slider.value = toSlider(seconds());
    slider.addEventListener("input", function () {
      var s = fromSlider(parseInt(slider.value, 10));
      unit.value = bestUnit(s);
      value.value = s / UNITS[unit.value];
      show();
    });
    [value, unit].forEach(function (el) {
      el.addEventListener("input", function () { slider.value = toSlider(seconds()); show(); });
    });
    show();
  });

  $all("[data-kinds]").forEach(function (fs) {
    var form = fs.closest("form");
    var schedule = $("[data-schedule]", form), tz = $("[data-tz]", form), preview = $("[data-preview]", form);
    var hint = $("[data-kind-hint]", form), timer = null;
    function kind() { var c = $('input[name="kind"]:checked', form); return c ? c.value : "simple"; }
    function refresh() {
      var k = kind();
      $all("[data-kind]", form).forEach(function (sec) {
        sec.hidden = sec.getAttribute("data-kind").split(" ").indexOf(k) < 0;
      });
      if (hint) { hint.textContent = k === "cron" ? "(cron: minute hour day month weekday)" : "(OnCalendar, for example Mon..Fri 09:00)"; }
      if (k !== "simple") { schedulePreview(); }
    }
    function schedulePreview() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new URLSearchParams();
        body.set("kind", kind()); body.set("schedule", schedule.value); body.set("tz", tz.value);
        body.set("csrf", $('input[name="csrf"]', form).value);
        fetch("/checks/cron_preview/", { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (d) {
            preview.textContent = "";
            if (!d.valid) {
              var p = document.createElement("p"); p.className = "bad"; p.textContent = d.error || "Invalid schedule."; preview.appendChild(p);
              schedule.setAttribute("aria-invalid", "true");
              return;
            }
            schedule.removeAttribute("aria-invalid");
            if (d.description) { var desc = document.createElement("p"); desc.textContent = d.description; preview.appendChild(desc); }
            var label = document.createElement("div"); label.textContent = "Next runs:"; preview.appendChild(label);
            var ol = document.createElement("ol");
            d.next.forEach(function (t) { var li = document.createElement("li"); li.textContent = t; ol.appendChild(li); });
            preview.appendChild(ol);
          })
          .catch(function () {});
      }, 250);
    }
    $all('input[name="kind"]', form).forEach(function (r) { r.addEventListener("change", refresh); });
    if (schedule) { schedule.addEventListener("input", schedulePreview); tz.addEventListener("change", schedulePreview); tz.addEventListener("input", schedulePreview); }
    refresh();
  });
})();

// the duration chart of the details page (uPlot, served by the appliance)
(function () {
  "use strict";
  var box = document.querySelector("[data-chart]");
  if (!box) { return; }
  function draw() {
    if (typeof window.uPlot === "undefined") { setTimeout(draw, 50); return; }
    var xs = [], ys = [];
    box.getAttribute("data-chart").split(" ").forEach(function (pair) {
      var p = pair.split(":");
      xs.push(parseInt(p[0], 10)); ys.push(parseFloat(p[1]));
    });
    var style = getComputedStyle(document.documentElement);
    var text = style.getPropertyValue("--text").trim() || "#1c2230";
    var grid = style.getPropertyValue("--border").trim() || "#dde1e8";
    var accent = style.getPropertyValue("--accent").trim() || "#2a62d6";
    var opts = {
      width: box.clientWidth, height: 220,
      series: [{}, { label: "Duration (s)", stroke: accent, width: 2, points: { show: true, size: 5, fill: accent } }],
      axes: [{ stroke: text, grid: { stroke: grid }, ticks: { stroke: grid } },
             { stroke: text, grid: { stroke: grid }, ticks: { stroke: grid }, label: "seconds" }],
      legend: { show: false },
      scales: { x: { time: true } }
    };
    var chart = new window.uPlot(opts, [xs, ys], box);
    window.addEventListener("resize", function () { chart.setSize({ width: box.clientWidth, height: 220 }); });
  }
  draw();
})();

// the read-only TV dashboard: keys and labels come from the address's #fragment
(function () {
  "use strict";
  var tv = document.getElementById("tv");
  if (!tv || !window.location.hash || window.location.hash.length < 2) { return; }
  var projects = window.location.hash.substring(1).split("&").map(function (part) {
    var eq = part.indexOf("=");
    var key = decodeURIComponent(eq < 0 ? part : part.substring(0, eq));
    var label = eq < 0 ? key.substring(0, 8) : decodeURIComponent(part.substring(eq + 1).replace(/\+/g, " "));
    return { key: key, label: label };
  }).filter(function (p) { return p.key; });
  if (!projects.length) { return; }
  tv.hidden = false;
  document.getElementById("tv-help").hidden = true;
  var grid = tv.querySelector("[data-tv-grid]"), updated = tv.querySelector("[data-tv-updated]");
  var WORDS = { up: "up", down: "down", grace: "late", new: "new", paused: "paused", started: "started" };
  function render(results) {
    grid.textContent = "";
    var down = 0;
    results.forEach(function (r) {
      var section = document.createElement("section");
      section.className = "tv-project";
      var h = document.createElement("h2");
      h.textContent = r.label;
      section.appendChild(h);
      if (r.error) {
        var p = document.createElement("p"); p.className = "error"; p.textContent = r.error; section.appendChild(p);
      }
      var list = document.createElement("ul");
      (r.checks || []).slice().sort(function (a, b) {
        return (a.status === "down" ? 0 : 1) - (b.status === "down" ? 0 : 1) || a.name.localeCompare(b.name);
      }).forEach(function (c) {
        if (c.status === "down") { down++; }
        var li = document.createElement("li");
        li.className = "tv-check st-" + c.status;
        var name = document.createElement("span"); name.className = "tv-name"; name.textContent = c.name || "unnamed";
        var st = document.createElement("span"); st.className = "status st-" + c.status; st.textContent = WORDS[c.status] || c.status;
        li.appendChild(name); li.appendChild(st); list.appendChild(li);
      });
      section.appendChild(list);
      grid.appendChild(section);
    });
    document.title = (down ? down + " down – " : "") + "Dashboard";
    updated.textContent = "Updated " + new Date().toLocaleTimeString();
  }
  function refresh() {
    Promise.all(projects.map(function (p) {
      return fetch("/api/v3/checks/", { headers: { "X-Api-Key": p.key }, credentials: "omit" })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error(r.status === 401 ? "Wrong API key." : "Error " + r.status)); })
        .then(function (d) { return { label: p.label, checks: d.checks }; })
        .catch(function (e) { return { label: p.label, error: e.message || "Not reachable." }; });
    })).then(render);
  }
  refresh();
  setInterval(refresh, 5000);
})();
