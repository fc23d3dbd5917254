window.YTD.follower.part0 = [ {
  "follower" : {
    "accountId" : "900000000000000002",
    "userLink" : "https://twitter.com/intent/user?user_id=900000000000000002"
  }
}, {
  "follower" : {
    "accountId" : "1350000000000000003",
    "userLink" : "https://twitter.com/intent/user?user_id=1350000000000000003"
  }
}, {
  "follower" : {
    "accountId" : "1380000000000000004",
    "userLink" : "https://twitter.com/intent/user?user_id=1380000000000000004"
  }
} ]