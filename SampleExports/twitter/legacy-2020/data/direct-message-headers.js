window.YTD.direct_message_headers.part0 = [ {
  "dmConversation" : {
    "conversationId" : "1400000000000000001-900000000000000002",
    "messages" : [
      {
        "messageCreate" : {
          "id" : "1232744647883188082",
          "senderId" : "900000000000000002",
          "recipientId" : "1400000000000000001",
          "createdAt" : "2020-02-26T19:10:02.000Z"
        }
      },
      {
        "messageCreate" : {
          "id" : "1232744022930753082",
          "senderId" : "1400000000000000001",
          "recipientId" : "900000000000000002",
          "createdAt" : "2020-02-26T19:07:33.000Z"
        }
      },
      {
        "messageCreate" : {
          "id" : "1232743595113597924",
          "senderId" : "900000000000000002",
          "recipientId" : "1400000000000000001",
          "createdAt" : "2020-02-26T19:05:51.000Z"
        }
      },
      {
        "messageCreate" : {
          "id" : "1232742668173610946",
          "senderId" : "1400000000000000001",
          "recipientId" : "900000000000000002",
          "createdAt" : "2020-02-26T19:02:10.000Z"
        }
      }
    ]
  }
} ]