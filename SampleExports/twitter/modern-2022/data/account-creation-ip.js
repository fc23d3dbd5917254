window.YTD.account_creation_ip.part0 = [ {
  "accountCreationIp" : {
    "accountId" : "1400000000000000001",
    "userCreationIp" : "198.51.100.14"
  }
} ]