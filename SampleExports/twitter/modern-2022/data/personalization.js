window.YTD.personalization.part0 = [ {
  "p13nData" : {
    "demographics" : {
      "languages" : [
        {
          "language" : "English",
          "isDisabled" : false
        },
        {
          "language" : "Danish",
          "isDisabled" : false
        }
      ],
      "genderInfo" : {
        "gender" : "female"
      }
    },
    "interests" : {
      "interests" : [
        {
          "name" : "Hiking",
          "isDisabled" : false
        }
      ],
      "partnerInterests" : [ ],
      "audienceAndAdvertisers" : {
        "numAudiences" : "0",
        "advertisers" : [ ],
        "lookalikeAdvertisers" : [ ]
      },
      "shows" : [ ]
    },
    "locationHistory" : [ ],
    "inferredAgeInfo" : {
      "age" : [
        "25-34"
      ],
      "birthDate" : ""
    }
  }
} ]