window.YTD.direct_messages_group.part0 = [ {
  "dmConversation" : {
    "conversationId" : "1555000000000000777",
    "messages" : [
      {
        "conversationNameUpdate" : {
          "initiatingUserId" : "1400000000000000001",
          "name" : "Saturday hike",
          "createdAt" : "2022-08-19T18:02:00.000Z"
        }
      },
      {
        "messageCreate" : {
          "reactions" : [ ],
          "urls" : [ ],
          "text" : "I will! Scones from the bakery.",
          "mediaUrls" : [ ],
          "senderId" : "1400000000000000001",
          "id" : "1560686825438506817",
          "createdAt" : "2022-08-19T17:55:10.000Z"
        }
      },
      {
        "messageCreate" : {
          "reactions" : [ ],
          "urls" : [ ],
          "text" : "Who's bringing snacks?",
          "mediaUrls" : [ ],
          "senderId" : "1350000000000000003",
          "id" : "1560685537787214210",
          "createdAt" : "2022-08-19T17:50:03.000Z"
        }
      },
      {
        "joinConversation" : {
          "initiatingUserId" : "1350000000000000003",
          "participantsSnapshot" : [
            "1350000000000000003",
            "900000000000000002",
            "1400000000000000001"
          ],
          "createdAt" : "2022-08-19T17:45:00.000Z"
        }
      }
    ]
  }
} ]