/* plainwords workshop page: check as you type, apply safe fixes, browse the lexicon.
   All text from the user and the lexicon is placed with textContent, never as HTML. */
(function () {
  "use strict";
  var P = window.Plainwords;
  var input = document.getElementById("pw-input");
  var output = document.getElementById("pw-output");
  var status = document.getElementById("pw-status");
  var fixButton = document.getElementById("pw-fix");
  var clearButton = document.getElementById("pw-clear");
  var search = document.getElementById("pw-search");
  var list = document.getElementById("pw-entries");
  var count = document.getElementById("pw-lexicon-count");
  var legend = document.getElementById("pw-legend");
  var entries = [];
  var timer = null;
  var pending = null;
  var generation = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function post(path, text) {
    if (pending) pending.abort();
    pending = new AbortController();
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: text }),
      signal: pending.signal
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.error || response.statusText);
        return data;
      });
    });
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function describe(summary) {
    if (!summary.findings) return "Nothing to flag. Well done.";
    var parts = Object.keys(summary.by_category).map(function (category) {
      return summary.by_category[category] + " " + category;
    });
    return plural(summary.findings, "finding") + ": " + parts.join(", ") + ".";
  }

  function show(text, data) {
    P.render(output, text, data.findings, "pw");
    var fixable = data.findings.filter(function (f) { return f.autofix && !f.mention; }).length;
    fixButton.disabled = fixable === 0;
    fixButton.textContent = fixable ? "Apply safe fixes (" + fixable + ")" : "Apply safe fixes";
    return describe(data.summary);
  }

  function check() {
    var text = input.value;
    var mine = ++generation;
    if (!text.trim()) {
      output.textContent = "";
      output.appendChild(el("span", "pw-muted", "Your text will appear here with its findings highlighted."));
      status.textContent = "";
      fixButton.disabled = true;
      return;
    }
    status.textContent = "Checking…";
    post("/api/check", text).then(function (data) {
      if (mine !== generation) return;
      status.textContent = show(text, data);
    }).catch(function (error) {
      if (error.name === "AbortError") return;
      status.textContent = "Could not check the text: " + error.message;
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  });

  fixButton.addEventListener("click", function () {
    var text = input.value;
    var mine = ++generation;
    clearTimeout(timer);
    post("/api/fix", text).then(function (data) {
      if (mine !== generation) return;
      input.value = data.text;
      var summary = show(data.text, data);
      var changes = data.applied.map(function (a) { return "“" + a.before + "” → “" + a.after + "”"; });
      status.textContent = (changes.length ? "Changed " + changes.join(", ") + ". " : "No safe fixes to make. ") + summary;
    }).catch(function (error) {
      if (error.name === "AbortError") return;
      status.textContent = "Could not apply fixes: " + error.message;
    });
  });

  clearButton.addEventListener("click", function () {
    input.value = "";
    check();
    input.focus();
  });

  /* The legend: one sample highlight per category, with its non-colour cue named. */
  [["stigma", "solid underline"], ["jargon", "dotted underline"]].forEach(function (pair) {
    var key = el("span", "pw-key");
    var mark = el("mark", "pw-mark pw-cat-" + pair[0], pair[0]);
    mark.setAttribute("data-letter", P.letterFor(pair[0]));
    key.appendChild(mark);
    key.appendChild(el("span", "pw-muted", pair[1]));
    legend.appendChild(key);
  });

  /* The lexicon panel, filtered as the trainer types. */
  function entryItem(entry) {
    var item = el("li", "pw-entry");
    var head = el("p", "pw-entry-head");
    var letter = el("span", "pw-letter pw-letter-" + (entry.category === "stigma" || entry.category === "jargon" ? entry.category : "other"), P.letterFor(entry.category));
    letter.setAttribute("aria-hidden", "true");
    head.appendChild(letter);
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("strong", null, entry.terms.join(", ") || entry.id));
    head.appendChild(el("span", "pw-muted", " · " + [entry.category, entry.topic, entry.severity].filter(Boolean).join(" · ")));
    item.appendChild(head);
    item.appendChild(el("p", "pw-entry-reason", entry.reason));
    var alts = el("p", "pw-entry-alts");
    alts.appendChild(el("span", "pw-tip-label", "Say instead: "));
    entry.alternatives.forEach(function (a) {
      alts.appendChild(el("span", "pw-alt", a));
      alts.appendChild(document.createTextNode(" "));
    });
    item.appendChild(alts);
    if (entry.note) item.appendChild(el("p", "pw-tip-note", entry.note));
    var source = el("p", "pw-tip-source", "Source: ");
    var link = el("a", null, entry.source.name);
    if (/^https?:\/\//.test(entry.source.url)) link.href = entry.source.url;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    source.appendChild(link);
    item.appendChild(source);
    item.searchText = [entry.id, entry.category, entry.topic || "", entry.terms.join(" "), entry.alternatives.join(" "), entry.reason, entry.note || ""].join(" ").toLowerCase();
    return item;
  }

  function filter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    Array.prototype.forEach.call(list.children, function (item) {
      var match = words.every(function (w) { return item.searchText.indexOf(w) !== -1; });
      item.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = words.length ? "Showing " + shown + " of " + plural(entries.length, "entry").replace("entrys", "entries") : plural(entries.length, "entry").replace("entrys", "entries") + ".";
  }

  search.addEventListener("input", filter);
  fetch("/api/lexicon").then(function (r) { return r.json(); }).then(function (data) {
    entries = data.entries;
    entries.forEach(function (entry) { list.appendChild(entryItem(entry)); });
    filter();
  }).catch(function () { count.textContent = "Could not load the lexicon."; });

  P.enhance(output);
  fixButton.disabled = true;
  if (input.value.trim()) check();
})();
