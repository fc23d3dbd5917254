window.YTD.direct_message_headers.part0 = [ {
  "dmConversation" : {
    "conversationId" : "1400000000000000001-900000000000000002",
    "messages" : [
      {
        "messageCreate" : {
          "id" : "1232744647884099538",
          "senderId" : "900000000000000002",
          "recipientId" : "1400000000000000001",
          "createdAt" : "2020-02-26T19:10:02.000Z"
        }
      },
      {
        "messageCreate" : {
          "id" : "1232744022932989917",
          "senderId" : "1400000000000000001",
          "recipientId" : "900000000000000002",
          "createdAt" : "2020-02-26T19:07:33.000Z"
        }
      },
      {
        "messageCreate" : {
          "id" : "1232743595113995308",
          "senderId" : "900000000000000002",
          "recipientId" : "1400000000000000001",
          "createdAt" : "2020-02-26T19:05:51.000Z"
        }
      },
      {
        "messageCreate" : {
          "id" : "1232742668171102604",
          "senderId" : "1400000000000000001",
          "recipientId" : "900000000000000002",
          "createdAt" : "2020-02-26T19:02:10.000Z"
        }
      }
    ]
  }
}, {
  "dmConversation" : {
    "conversationId" : "1350000000000000003-1400000000000000001",
    "messages" : [
      {
        "messageCreate" : {
          "id" : "1510217147086009740",
          "senderId" : "1400000000000000001",
          "recipientId" : "1350000000000000003",
          "createdAt" : "2022-04-02T11:26:41.000Z"
        }
      },
      {
        "messageCreate" : {
          "id" : "1510215465173821251",
          "senderId" : "1350000000000000003",
          "recipientId" : "1400000000000000001",
          "createdAt" : "2022-04-02T11:20:00.000Z"
        }
      }
    ]
  }
} ]