window.YTD.following.part0 = [ {
  "following" : {
    "accountId" : "900000000000000002",
    "userLink" : "https://twitter.com/intent/user?user_id=900000000000000002"
  }
}, {
  "following" : {
    "accountId" : "1350000000000000003",
    "userLink" : "https://twitter.com/intent/user?user_id=1350000000000000003"
  }
}, {
  "following" : {
    "accountId" : "1380000000000000004",
    "userLink" : "https://twitter.com/intent/user?user_id=1380000000000000004"
  }
}, {
  "following" : {
    "accountId" : "783214",
    "userLink" : "https://twitter.com/intent/user?user_id=783214"
  }
} ]