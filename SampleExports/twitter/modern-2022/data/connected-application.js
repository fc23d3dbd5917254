window.YTD.connected_application.part0 = [ {
  "connectedApplication" : {
    "organization" : {
      "name" : "Trailbook Example Ltd",
      "url" : "https://trailbook.example.com",
      "privacyPolicyUrl" : "https://trailbook.example.com/privacy"
    },
    "name" : "Trailbook",
    "description" : "Share hikes to your timeline",
    "permissions" : [
      "read",
      "write"
    ],
    "approvedAt" : "2021-05-08T10:11:12.000Z",
    "id" : "27411902"
  }
} ]