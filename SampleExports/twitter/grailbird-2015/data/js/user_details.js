var user_details =  {
  "expanded_url" : "http:\/\/ines.example.net\/",
  "screen_name" : "ines_halvorsen",
  "location" : "Bergen, Norway",
  "url" : "http:\/\/t.co\/1nEsH0me01",
  "full_name" : "Ines Halvorsen",
  "bio" : "Ferries, field notes and the occasional crocus.",
  "id" : "123456001",
  "created_at" : "2009-02-11 09:30:12 +0000",
  "display_url" : "ines.example.net"
}