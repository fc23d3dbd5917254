window.YTD.mute.part0 = [ {
  "muting" : {
    "accountId" : "1466666666666666666",
    "userLink" : "https://twitter.com/intent/user?user_id=1466666666666666666"
  }
} ]