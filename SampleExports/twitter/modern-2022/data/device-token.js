window.YTD.device_token.part0 = [ {
  "deviceToken" : {
    "clientApplicationId" : "258901",
    "token" : "Zm9vYmFyLXRva2VuLWFkYS0wMDE",
    "createdAt" : "2022-01-05T08:00:12.000Z",
    "lastSeenAt" : "2023-05-02T18:40:03.000Z",
    "clientApplicationName" : "Twitter for iPhone"
  }
}, {
  "deviceToken" : {
    "clientApplicationId" : "3033300",
    "token" : "d2ViLXRva2VuLWFkYS0wMDI",
    "createdAt" : "2021-03-22T13:22:50.000Z",
    "lastSeenAt" : "2022-11-30T12:00:00.000Z",
    "clientApplicationName" : "Twitter Web App"
  }
} ]