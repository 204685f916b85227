"""English page furniture."""

from __future__ import annotations

SECTION = (
    r"related(?: articles?| stories| news| content| coverage| reading| posts)?",
    r"related articles\s*more from author",
    r"more (?:stories|news|headlines|articles|long reads|like this|to read"
    r"|(?:from|in|on) [\w'’&.,: -]{1,40})",
    r"(?:read|watch) (?:more|next)",
    r"(?:you|you might|you may|we think you(?:'|’)ll) (?:also )?(?:like|enjoy)",
    r"recommended(?: for you| stories| reading| articles)?",
    r"(?:editors?['’]?s?['’]? )?(?:recommendations|picks|choice)",
    r"(?:most|top) (?:read|popular|viewed|shared|stories|watched)"
    r"(?: (?:stories|articles|now|today))?",
    r"(?:latest|top|trending) (?:news|stories|headlines|articles)",
    r"trending(?: now)?|top",
    r"what to read next|up next|next up(?: in \w+)?|popular posts",
    r"[\w.]+ recommends|.{0,30}\btop[- ]news\b.{0,40}|audios? and videos? on the topic",
    r"featured(?: stories| articles)?|headlines|more about [\w'’ ]{2,40}|(?:[\w&]+ ){0,4}articles",
    r"further reading|see also|in other news|explore further|also in the news",
)

LABEL = (
    r"(?:related )?topics|tagged(?: with)?|filed under|categor(?:y|ies)|more about|explore",
    r"in this (?:article|story)",
    r"features|suggested topics|(?:more|latest) videos|videos|watch more|most viewed videos",
    r"related links|useful links|links|resources:?|translations|blog archive|archives?",
    r"notes|footnotes|references|sources|our partners|partner content",
    r"recent (?:posts|comments|articles)|categories|meta|pages|blogroll|about me",
    r"where to find me\??|jobs",
    r"share(?: this)?(?: with)?|follow us|follow [\w ]{1,30}",
    # comments: what follows is the readers', not the article's
    r"(?:comments?|reactions)(?: \(\d+\))?(?: \d+)?",
    r"(?:view|show|read|see|hide) (?:all )?comments?(?: \(\d+\))?",
    r"(?:join|read) the (?:conversation|discussion|comments)|have your say",
    r"leave a (?:comment|reply)|post a comment|add a comment|write a comment",
    r"\d+ thoughts? on .{1,120}",
    r"about the authors?",
    r"elsewhere (?:in|on|from) [\w ]{1,30}",
)

END = (
    r".{0,60}\ball rights reserved\b.*",
    r"(?:about us|contact us|contact|terms(?: and conditions| & conditions| of (?:use|service))?"
    r"|privacy(?: policy| notice| settings)?|cookie (?:policy|settings)"
    r"|accessibility(?: statement)?"
    r"|advertise(?: with us)?|careers|work for us|site ?map|help|faq|corrections)",
    r"do not sell (?:or share )?my personal information|your privacy choices",
    r"[\w ]{0,30}footer links|complaints(?: & corrections)?|tip us off|fcc public file",
)

FURNITURE = (
    # player widgets, timestamps and counters
    r"duration\s*\d{1,2}:\d{2}(?::\d{2})?",
    r"(?:watch )?(?:video|audio|podcast)\s*\d{1,2}:\d{2}(?::\d{2})?",
    r"(?:listen|play|pause|mute|unmute|watch)(?: now| live)?(?: (?:to )?(?:this|the) "
    r"(?:article|story|episode))?(?: \d+ min(?:ute)?s?)?",
    r"\d+ ?min(?:ute)?s?\.?(?: read| listen)?|\d+ min read|reading time:? \d+ min(?:ute)?s?",
    r"new, \d+ comments|\d+ (?:likes?|shares?|views?)|like \d+|\d+ ?followers ?follow",
    r"\d+ (?:comments?|reactions)|load (?:more|comments)|(?:more|journal) information:.*",
    r"\d+ (?:hours?|minutes?|days?|weeks?|months?|years?) ago|\d+[hmd] ago|(?:just )?now",
    r"reply|report|like|best rated|worst rated|newest|oldest",
    r"[\d,.]+ from [\d.,]+ (?:ratings|votes)|rate this|you have already voted\.?|click to rate",
    r"sort by:?(?: \w+)?",
    # navigation chrome
    r"close|main menu|search(?: \w+)?|navigation|loading\.*",
    r"skip (?:to|navigation)(?: (?:main )?(?:content|navigation))?|back to (?:top|home|blog)",
    r"discover [\w ]{1,30}",
    r"toggle (?:search|navigation|menu)(?:\s+search)?|open (?:menu|navigation)|show more|load more",
    r"view all|see all|see more|more|continue reading",
    r"(?:sign|log) (?:in|out|up)|register|my account|account|my news|you are here:?",
    r"(?:international|uk|us|europe|australia) edition|current edition:?|edition",
    r"key events|show key events only|live(?: feed| updates)?|please turn on javascript.*",
    r"(?:previous|next|older|newer) (?:article|post|story|page)s?|« previous next »"
    r"|newer post older post home|pages?: [\d ]+|page \d+ of \d+",
    # newsletters, subscriptions, apps
    r"[\w.' ]{1,30} newsletter",
    r"(?:sign up|subscribe|register)(?: (?:now|here|today|for free))?|subscribe to [\w' ]{1,60}",
    r"(?:sign up|subscribe) (?:to|for) (?:our|the) [\w' ]{0,40}newsletters?.*",
    r"get (?:our|the) [\w' ]{0,40}newsletter.*|enter your email(?: address)?|email address",
    r"your (?:e-?mail|name)\b.*",
    r"download (?:on|from) the app store|get it on google play|download our app"
    r"|available on the app store",
    # sharing
    r"share(?: this)?(?: (?:article|story|page|post))?(?: (?:on|via|by) [\w ]+)?",
    r"share all sharing options(?: for: .*)?|share or comment on this article:?.*",
    r"tweet|pin it|link copied",
    r"embed|copied to clipboard|bookmark|save(?: for later| article)?"
    r"|email this|blogthis!?|email thisblogthis!?",
    r"reuse this content|report an error|feedback|about sharing|add to watchlist",
    r"print(?: print)? this page|keywords .*",
    r"download\b.{0,40}",
    r"in [\"“].{1,40}[\"”]|post navigation|view all posts by .*",
    r"(?:previous|next)(?: post| article)?:.*",
    r"by|most recent|listen again\b.{0,80}",
    r"(?:comments|likes|shares)\s*:\s*\d+\s*,?",
    r"contents|table of contents",
    r"topics\s*:.{1,200}",
    r"print subscriptions?|purchase licensing rights",
    # advertising
    r"advertisement|advertising|ad|sponsored(?: content)?|promoted|paid (?:content|post)",
    r"story continues below(?: (?:this )?(?:advertisement|photo gallery))?\.?",
    r"article continues below(?: this advertisement)?",
    # images
    r"image (?:caption|source|copyright)\b.*|enlarge(?: image)?|(?:photo )?gallery",
    r"(?:image|photo) \d+ of \d+.*|item \d+ of \d+ .*",
    r"slideshow \( ?\d+ images? ?\)|view (?:gallery|photos|slideshow)",
    r"(?:photo|image|picture|video)(?: credit)?\s*:.*",
    # cookies
    r"(?:we use cookies|(?:accept|reject|manage) (?:all )?cookies|i accept)\b.*",
    r"(?:accept|reject|allow) all|manage (?:preferences|settings|choices)|privacy settings",
)
