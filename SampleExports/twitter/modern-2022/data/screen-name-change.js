window.YTD.screen_name_change.part0 = [ {
  "screenNameChange" : {
    "accountId" : "1400000000000000001",
    "screenNameChange" : {
      "changedAt" : "2021-09-14T16:35:02.000Z",
      "changedFrom" : "ada_k_",
      "changedTo" : "ada_kestrel"
    }
  }
} ]