window.YTD.ip_audit.part0 = [ {
  "ipAudit" : {
    "accountId" : "900000000000000002",
    "createdAt" : "2020-03-01T08:12:30.000Z",
    "loginIp" : "198.51.100.61"
  }
}, {
  "ipAudit" : {
    "accountId" : "900000000000000002",
    "createdAt" : "2020-02-27T19:48:12.000Z",
    "loginIp" : "203.0.113.7"
  }
}, {
  "ipAudit" : {
    "accountId" : "900000000000000002",
    "createdAt" : "2020-02-20T07:30:44.000Z",
    "loginIp" : "198.51.100.61"
  }
} ]