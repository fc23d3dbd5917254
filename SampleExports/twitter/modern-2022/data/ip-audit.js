window.YTD.ip_audit.part0 = [ {
  "ipAudit" : {
    "accountId" : "1400000000000000001",
    "createdAt" : "2023-05-02T18:40:03.000Z",
    "loginIp" : "2001:db8:4a::1f",
    "loginPortNumber" : "51544"
  }
}, {
  "ipAudit" : {
    "accountId" : "1400000000000000001",
    "createdAt" : "2023-04-28T21:05:10.000Z",
    "loginIp" : "198.51.100.23"
  }
}, {
  "ipAudit" : {
    "accountId" : "1400000000000000001",
    "createdAt" : "2022-11-30T12:00:00.000Z",
    "loginIp" : "203.0.113.45",
    "loginPortNumber" : "60211"
  }
}, {
  "ipAudit" : {
    "accountId" : "1400000000000000001",
    "createdAt" : "2020-02-27T19:05:41.000Z",
    "loginIp" : "203.0.113.7"
  }
} ]