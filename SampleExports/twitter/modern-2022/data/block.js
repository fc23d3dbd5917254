window.YTD.block.part0 = [ {
  "blocking" : {
    "accountId" : "1499999999999999999",
    "userLink" : "https://twitter.com/intent/user?user_id=1499999999999999999"
  }
} ]