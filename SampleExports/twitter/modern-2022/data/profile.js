window.YTD.profile.part0 = [ {
  "profile" : {
    "description" : {
      "bio" : "Trails, type systems & tea. Copenhagen ↔ Bristol.",
      "website" : "https://t.co/W3bS1te000",
      "location" : "Copenhagen"
    },
    "avatarMediaUrl" : "https://pbs.twimg.com/profile_images/1600000000000000000/Av4tArK3y9.jpg",
    "headerMediaUrl" : "https://pbs.twimg.com/profile_banners/1400000000000000001/1650000000"
  }
} ]