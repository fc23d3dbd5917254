window.YTD.email_address_change.part0 = [ {
  "emailAddressChange" : {
    "accountId" : "1400000000000000001",
    "emailChange" : {
      "changedAt" : "2021-09-14T16:31:20.000Z",
      "changedFrom" : "ada.k@example.org",
      "changedTo" : "ada.kestrel@example.com"
    }
  }
} ]