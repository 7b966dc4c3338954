/* plainwords: highlights and their explanations, shared by the HTML report and the workshop page.
   Builds the DOM with textContent only: text from documents and users is never parsed as HTML. */
(function () {
  "use strict";

  var LETTERS = { stigma: "S", jargon: "J" };
  var KNOWN = { stigma: true, jargon: true };

  function letterFor(category) {
    return LETTERS[category] || (category ? category.charAt(0).toUpperCase() : "?");
  }
  function catClass(category) {
    return KNOWN[category] ? category : "other";
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function titleCase(word) {
    return word ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  }

  /* The explanation element for one finding: the same structure the report writes in Python. */
  function tipFor(finding, id) {
    var tip = el("span", "pw-tip pw-tip-" + catClass(finding.category));
    tip.id = id;
    tip.setAttribute("role", "tooltip");
    var head = titleCase(finding.category) + (finding.topic ? " · " + finding.topic : "") + " · " + finding.severity;
    tip.appendChild(el("span", "pw-tip-head", head));
    tip.appendChild(el("span", "pw-tip-reason", finding.reason));
    /* What to paste, what fits only in some contexts, and advice: the JSON contract's fields. */
    [["Say instead: ", finding.alternatives], ["Consider: ", finding.consider], ["Advice: ", finding.advice]].forEach(function (group) {
      if (!group[1] || !group[1].length) return;
      var alts = el("span", "pw-tip-alts");
      alts.appendChild(el("span", "pw-tip-label", group[0]));
      group[1].forEach(function (alternative) {
        alts.appendChild(el("span", "pw-alt", alternative));
        alts.appendChild(document.createTextNode(" "));
      });
      tip.appendChild(alts);
    });
    if (finding.note) tip.appendChild(el("span", "pw-tip-note", finding.note));
    if (finding.source && finding.source.url) {
      var source = el("span", "pw-tip-source", "Source: ");
      var link = el("a", null, finding.source.name || finding.source.url);
      if (/^https?:\/\//.test(finding.source.url)) link.href = finding.source.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      link.tabIndex = -1;  /* Tab moves between highlights; Enter on one reaches its link */
      source.appendChild(link);
      tip.appendChild(source);
    }
    return tip;
  }

  /* Replace the container's content with ``text``, each finding (start/end in ``text``) marked. */
  function render(container, text, findings, prefix) {
    prefix = prefix || "pw";
    container.textContent = "";
    var sorted = findings.slice().sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var position = 0;
    var n = 0;
    sorted.forEach(function (finding) {
      if (finding.start < position || finding.end > text.length || finding.end <= finding.start) return;
      n += 1;
      container.appendChild(document.createTextNode(text.slice(position, finding.start)));
      var id = prefix + "-tip-" + n;
      var mark = el("mark", "pw-mark pw-cat-" + catClass(finding.category) + " pw-sev-" + finding.severity,
                    text.slice(finding.start, finding.end));
      mark.tabIndex = 0;
      mark.id = prefix + "-m-" + n;
      mark.setAttribute("aria-describedby", id);
      mark.setAttribute("data-letter", letterFor(finding.category));
      mark.setAttribute("data-rule", finding.rule);
      mark.setAttribute("data-n", String(n));
      container.appendChild(mark);
      container.appendChild(tipFor(finding, id));
      position = finding.end;
    });
    container.appendChild(document.createTextNode(text.slice(position)));
    return n;
  }

  /* Put a highlight's explanation just below it, inside the window. */
  function place(mark) {
    var tip = mark.nextElementSibling;
    if (!tip || !tip.classList.contains("pw-tip")) return;
    var box = tip.offsetParent || mark.parentNode;
    var rects = mark.getClientRects();
    var rect = rects.length ? rects[rects.length - 1] : mark.getBoundingClientRect();
    var outer = box.getBoundingClientRect();
    var width = Math.min(400, document.documentElement.clientWidth - 32);
    var left = rect.left - outer.left;
    var maxLeft = document.documentElement.clientWidth - 16 - width - outer.left;
    left = Math.max(Math.min(left, maxLeft), -outer.left + 16);
    tip.style.left = Math.round(left) + "px";
    tip.style.top = Math.round(rect.bottom - outer.top + 4) + "px";
  }

  function markOf(target) {
    return target && target.closest ? target.closest(".pw-mark") : null;
  }

  /* Hover, focus, tap and Escape for every highlight under ``root`` (now and later). */
  function enhance(root) {
    document.documentElement.classList.add("pw-js");
    root.addEventListener("mouseover", function (event) {
      var mark = markOf(event.target);
      if (!mark) return;
      if (!mark.contains(event.relatedTarget)) mark.classList.remove("pw-dismissed");
      place(mark);
    });
    root.addEventListener("focusin", function (event) {
      var mark = markOf(event.target);
      if (mark) { mark.classList.remove("pw-dismissed"); mark.classList.add("pw-open"); place(mark); }
    });
    /* Keep an explanation open while focus moves between its highlight and its link. */
    root.addEventListener("focusout", function (event) {
      var tip = event.target.closest && event.target.closest(".pw-tip");
      var mark = markOf(event.target) || (tip && tip.previousElementSibling);
      if (!mark || !mark.classList.contains("pw-mark")) return;
      var next = event.relatedTarget;
      if (next && (next === mark || (mark.nextElementSibling && mark.nextElementSibling.contains(next)))) return;
      mark.classList.remove("pw-open", "pw-dismissed");
    });
    root.addEventListener("mouseout", function (event) {
      var mark = markOf(event.target);
      if (mark && !mark.contains(event.relatedTarget)) mark.classList.remove("pw-dismissed");
    });
    root.addEventListener("keydown", function (event) {
      var current = markOf(event.target);
      if (current && event.key === "Enter") {
        var link = current.nextElementSibling && current.nextElementSibling.querySelector("a[href]");
        if (link) { event.preventDefault(); link.focus(); }
        return;
      }
      if (event.key !== "Escape") return;
      var mark = markOf(event.target) || markOf(event.target.closest && event.target.closest(".pw-tip") &&
                 event.target.closest(".pw-tip").previousElementSibling);
      if (mark) { mark.focus(); mark.classList.add("pw-dismissed"); }
    });
    window.addEventListener("resize", function () {
      var active = document.activeElement;
      if (markOf(active)) place(active);
    });
  }

  window.Plainwords = { render: render, enhance: enhance, tipFor: tipFor, letterFor: letterFor };
})();
