window.YTD.account.part0 = [ {
  "account" : {
    "email" : "bram.okafor@example.org",
    "createdVia" : "web",
    "username" : "bram_okafor",
    "accountId" : "900000000000000002",
    "createdAt" : "2017-08-21T14:03:55.000Z",
    "accountDisplayName" : "Bram Okafor"
  }
} ]