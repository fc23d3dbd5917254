window.YTD.direct_messages.part0 = [ {
  "dmConversation" : {
    "conversationId" : "1400000000000000001-900000000000000002",
    "messages" : [
      {
        "messageCreate" : {
          "recipientId" : "1400000000000000001",
          "reactions" : [
            {
              "senderId" : "1400000000000000001",
              "reactionKey" : "like",
              "eventId" : "1232744954068290662",
              "createdAt" : "2020-02-26T19:11:15.000Z"
            }
          ],
          "urls" : [ ],
          "text" : "Perfect, see you there",
          "mediaUrls" : [ ],
          "senderId" : "900000000000000002",
          "id" : "1232744647883188082",
          "createdAt" : "2020-02-26T19:10:02.000Z"
        }
      },
      {
        "messageCreate" : {
          "recipientId" : "900000000000000002",
          "reactions" : [ ],
          "urls" : [
            {
              "url" : "https://t.co/RoUte12345",
              "expanded" : "https://maps.example.com/route/42",
              "display" : "maps.example.com/route/42"
            }
          ],
          "text" : "Here's the route I had in mind https://t.co/RoUte12345",
          "mediaUrls" : [ ],
          "senderId" : "1400000000000000001",
          "id" : "1232744022930753082",
          "createdAt" : "2020-02-26T19:07:33.000Z"
        }
      },
      {
        "messageCreate" : {
          "recipientId" : "1400000000000000001",
          "reactions" : [ ],
          "urls" : [ ],
          "text" : "Yes — meet at the station, 9am. Bring water.",
          "mediaUrls" : [ ],
          "senderId" : "900000000000000002",
          "id" : "1232743595113597924",
          "createdAt" : "2020-02-26T19:05:51.000Z"
        }
      },
      {
        "messageCreate" : {
          "recipientId" : "900000000000000002",
          "reactions" : [ ],
          "urls" : [ ],
          "text" : "Saw your tweet. Saturday works! Are we still on?",
          "mediaUrls" : [ ],
          "senderId" : "1400000000000000001",
          "id" : "1232742668173610946",
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
          "recipientId" : "1350000000000000003",
          "reactions" : [ ],
          "urls" : [ ],
          "text" : "Can't wait. Send me a draft?",
          "mediaUrls" : [ ],
          "senderId" : "1400000000000000001",
          "id" : "1510217147089724164",
          "createdAt" : "2022-04-02T11:26:41.000Z"
        }
      },
      {
        "messageCreate" : {
          "recipientId" : "1400000000000000001",
          "reactions" : [ ],
          "urls" : [ ],
          "text" : "Thanks for the RT! Trail map v2 next month",
          "mediaUrls" : [ ],
          "senderId" : "1350000000000000003",
          "id" : "1510215465170365535",
          "createdAt" : "2022-04-02T11:20:00.000Z"
        }
      }
    ]
  }
} ]