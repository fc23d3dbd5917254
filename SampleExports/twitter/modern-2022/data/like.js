window.YTD.like.part0 = [ {
  "like" : {
    "tweetId" : "1510209173715510070",
    "fullText" : "The new trail map is out &amp; it looks great #hiking",
    "expandedUrl" : "https://twitter.com/i/web/status/1510209173715510070"
  }
}, {
  "like" : {
    "tweetId" : "1462058144363654264",
    "fullText" : "Winter gear swap this Sunday, bring what you don't use",
    "expandedUrl" : "https://twitter.com/i/web/status/1462058144363654264"
  }
}, {
  "like" : {
    "tweetId" : "1625427124028340982",
    "expandedUrl" : "https://twitter.com/i/web/status/1625427124028340982"
  }
} ]