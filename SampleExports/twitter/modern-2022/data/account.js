window.YTD.account.part0 = [ {
  "account" : {
    "email" : "ada.kestrel@example.com",
    "createdVia" : "web",
    "username" : "ada_kestrel",
    "accountId" : "1400000000000000001",
    "createdAt" : "2019-06-03T10:21:07.000Z",
    "accountDisplayName" : "Ada Kestrel"
  }
} ]