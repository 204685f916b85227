"""The show page's own style sheet and script (`page.py` inlines both: the page loads
nothing from elsewhere). The script highlights the transcript's cue being read and keeps
it in view inside the transcript's box, and in that cue the word being read (where words
carry their starts: every frame while playing, by binary search over the cue's words);
seeks where a chapter, a cue or a word is clicked; copies the feed's address, and fills
in the apps' links when the page only knows "feed.xml"."""

from __future__ import annotations

STYLE = """\
:root{color-scheme:light dark;--fg:#1c1c21;--muted:#5d6068;--bg:#fff;--card:#f5f5f7;\
--line:#d9d9de;--accent:#0b57d0;--hl:#ffeaa1}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6ea;--muted:#a2a5ad;--bg:#141417;\
--card:#1e1f23;--line:#36373d;--accent:#8ab4f8;--hl:#51440f}}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);overflow-wrap:anywhere;\
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.page{max-width:46rem;margin:0 auto;padding:1rem}
a{color:var(--accent)}
img{max-width:100%;height:auto}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
header.show{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:.5rem 0 1rem}
header.show .cover{width:8.5rem;height:8.5rem;border-radius:.6rem;flex:none}
header.show div{flex:1 1 15rem}
h1{margin:0 0 .25rem;font-size:1.8rem;line-height:1.2}
.description{margin:0;color:var(--muted)}
.subscribe{background:var(--card);border:1px solid var(--line);border-radius:.6rem;\
padding:.75rem 1rem;margin:0 0 1rem}
.subscribe h2{font-size:1.1rem;margin:0 0 .25rem}
.subscribe p{margin:.25rem 0}
.feed{display:flex;gap:.5rem}
.feed input{flex:1;min-width:0;font:inherit;font-size:.95rem;padding:.4rem .5rem;color:inherit;\
background:var(--bg);border:1px solid var(--line);border-radius:.35rem}
button{font:inherit;color:inherit}
.copy{padding:.4rem .8rem;border:1px solid var(--line);border-radius:.35rem;\
background:var(--bg);cursor:pointer}
.copied{margin:0!important;font-size:.9rem;color:var(--muted)}
.apps{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.5rem}
.apps a{display:inline-block;padding:.3rem .75rem;border:1px solid var(--line);\
border-radius:999px;text-decoration:none;background:var(--bg)}
.hint{font-size:.9rem;color:var(--muted)}
article.entry{border-top:1px solid var(--line);padding:1.25rem 0}
.head{display:flex;gap:1rem;align-items:flex-start}
.head .art{width:6rem;height:6rem;border-radius:.4rem;flex:none}
.head h2{margin:0;font-size:1.3rem;line-height:1.25}
.meta{margin:.25rem 0 0;color:var(--muted)}
.summary{margin:.75rem 0}
audio{display:block;width:100%;margin:.75rem 0 .25rem}
.files{margin:0;font-size:.9rem;color:var(--muted)}
h3{font-size:1rem;margin:1.25rem 0 .5rem}
ol.chapters{list-style:none;padding:0;margin:0}
ol.chapters li{display:flex;align-items:center;gap:.5rem;padding:.15rem 0}
.thumb{width:2.5rem;height:2.5rem;object-fit:cover;border-radius:.25rem;flex:none}
button.chapter{background:none;border:none;color:var(--accent);cursor:pointer;padding:.2rem 0;\
text-align:left}
.at{font-variant-numeric:tabular-nums;color:var(--muted);font-size:.85rem}
button.chapter .at{margin-right:.35rem}
.story{font-size:.85rem;white-space:nowrap}
ol.transcript{position:relative;list-style:none;margin:0;padding:.25rem;max-height:16rem;\
overflow-y:auto;overscroll-behavior:contain;background:var(--card);border:1px solid var(--line);\
border-radius:.6rem}
.cue{display:flex;align-items:baseline;gap:.6rem;padding:.3rem .5rem;border-radius:.35rem;\
cursor:pointer}
.cue:hover{background:color-mix(in srgb,var(--hl) 35%,transparent)}
.cue.current{background:var(--hl)}
.cue .at{flex:none;min-width:2.6rem;padding:0;border:0;background:none;text-align:left;\
cursor:pointer;line-height:inherit}
.w.now{border-radius:.2em;background:color-mix(in srgb,var(--accent) 22%,transparent);\
box-shadow:0 0 0 .1em color-mix(in srgb,var(--accent) 22%,transparent);\
text-decoration:underline 2px var(--accent);text-underline-offset:.2em}
.notes{margin-top:1rem}
.notes summary{cursor:pointer;font-weight:600}
.notes-body h3,.notes-body h4,.notes-body h5,.notes-body h6{font-size:1rem;margin:1rem 0 .25rem}
.notes-body pre{overflow-x:auto}
footer{border-top:1px solid var(--line);padding:1rem 0;font-size:.85rem;color:var(--muted)}
"""

SCRIPT = r"""
(function () {
  'use strict';
  var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // a chapter's or a cue's start, or a word's
  function start(element) {
    var name = element.classList.contains('w') ? 'data-t' : 'data-start';
    return parseFloat(element.getAttribute(name));
  }
  // the index of the last of the ascending `starts` at or before `time`; -1 if none is
  function at(starts, time) {
    var low = 0, high = starts.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (starts[middle] <= time) { found = middle; low = middle + 1; }
      else { high = middle - 1; }
    }
    return found;
  }
  document.querySelectorAll('article.entry').forEach(function (entry) {
    var player = entry.querySelector('audio');
    var box = entry.querySelector('.transcript');
    var cues = box ? Array.prototype.slice.call(box.querySelectorAll('.cue')) : [];
    var starts = cues.map(start);
    var current = null;
    var words = [], wordStarts = [], word = null;  // the current cue's
    var touched = 0;
    function reveal(cue) {
      if (Date.now() - touched < 4000) { return; }  // the reader is scrolling the transcript
      var top = cue.offsetTop, bottom = top + cue.offsetHeight;
      if (top < box.scrollTop || bottom > box.scrollTop + box.clientHeight) {
        box.scrollTo({top: Math.max(0, top - box.clientHeight / 3),
                      behavior: reduce ? 'auto' : 'smooth'});
      }
    }
    // the cue and the word being read; in the pause after them, still those
    function follow(time) {
      var cue = cues[at(starts, time)] || null;
      if (cue !== current) {
        if (current) {
          current.classList.remove('current');
          current.removeAttribute('aria-current');
        }
        current = cue;
        words = cue ? Array.prototype.slice.call(cue.querySelectorAll('.w')) : [];
        wordStarts = words.map(start);
        if (cue) {
          cue.classList.add('current');
          cue.setAttribute('aria-current', 'true');
          reveal(cue);
        }
      }
      var now = words[at(wordStarts, time)] || null;
      if (now === word) { return; }
      if (word) { word.classList.remove('now'); }
      word = now;
      if (now) { now.classList.add('now'); }
    }
    entry.addEventListener('click', function (event) {
      if (!player || event.target.closest('a')) { return; }
      var target = event.target.closest('.w, button.chapter, .cue');
      if (!target) { return; }
      player.currentTime = start(target);
      if (box) { follow(player.currentTime); }
      var playing = player.play();
      if (playing) { playing.catch(function () {}); }
    });
    if (!player || !box) { return; }
    ['timeupdate', 'seeked'].forEach(function (name) {
      player.addEventListener(name, function () { follow(player.currentTime); });
    });
    if (box.querySelector('.w')) {  // timeupdate comes every quarter second: too slow for words
      var frame = 0;
      var tick = function () {
        follow(player.currentTime);
        frame = player.paused ? 0 : requestAnimationFrame(tick);
      };
      player.addEventListener('play', function () {
        if (!frame) { frame = requestAnimationFrame(tick); }
      });
    }
    ['wheel', 'touchstart', 'keydown'].forEach(function (name) {
      box.addEventListener(name, function () { touched = Date.now(); }, {passive: true});
    });
  });
  document.addEventListener('play', function (event) {  // one episode at a time
    document.querySelectorAll('audio').forEach(function (other) {
      if (other !== event.target) { other.pause(); }
    });
  }, true);
  var field = document.getElementById('feed-url');
  if (!field) { return; }
  if (!/^https?:/i.test(field.value) && /^https?:$/.test(location.protocol)) {
    var feed = new URL(field.value, location.href).href;
    field.value = feed;
    document.querySelectorAll('.apps a[data-prefix]').forEach(function (link) {
      link.href = link.getAttribute('data-prefix') + (link.hasAttribute('data-whole')
        ? encodeURIComponent(feed) : feed.replace(/^https?:\/\//i, ''));
    });
    document.querySelector('.apps').hidden = false;
  }
  var copy = document.querySelector('button.copy');
  var status = document.querySelector('.copied');
  copy.hidden = false;
  field.addEventListener('focus', function () { field.select(); });
  copy.addEventListener('click', function () {
    function done() {
      status.textContent = 'Copied the feed address.';
      setTimeout(function () { status.textContent = ''; }, 3000);
    }
    function fallback() {
      field.focus();
      field.select();
      if (document.execCommand('copy')) { done(); }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, fallback);
    } else {
      fallback();
    }
  });
})();
"""
