/**
 * Name lists for the synthetic people of the matching evaluation: family and given names common in
 * England today (ONS surname and baby-name rankings) and in its larger communities of other origins
 * (South Asian, Polish, Romanian, Lithuanian, Nigerian, Ghanaian, Somali, Eritrean, Afghan, Kurdish and
 * Turkish, Chinese, Vietnamese, Portuguese, Irish, Scottish, Arabic, Albanian, Greek Cypriot, Italian).
 * Order matters: earlier names are drawn more often (a Zipf law), as real names are.
 */
export const FAMILY_NAMES =
  `Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Khan Robinson
Thompson Wright Walker Patel White Edwards Hughes Green Hall Lewis Harris Clarke Jackson Wood Singh Turner Martin Cooper Hill
Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen Ali Ahmed Hussain James Scott Phillips Watson Davis Parker Begum
Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Kaur
Marshall Anderson Simpson Ellis Adams Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Rahman Hunt Campbell Matthews
Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson
Fletcher Walsh Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole
Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees
Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland
Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke Bates Henderson Parry
Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates
Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss McCarthy Chambers O'Neill Griffin Sharp Hardy Wheeler
Potter Osborne Johnston Gordon Doyle Wallace George Jordan Hutchinson Islam Uddin Miah Mohamed Nowak Kowalski Akhtar Iqbal
Mahmood Rashid Chowdhury Bibi Aziz Malik Qureshi Sharma Gupta Kumar Mistry Desai Joshi Sandhu Dhillon Sidhu Bains Chen Wang
Li Zhang Liu Wong Lam Cheung Ng Chan Nguyen Tran Pham Le Hoang Okafor Okonkwo Adeyemi Adebayo Olawale Nwosu Eze Ogunleye
Balogun Okeke Mensah Owusu Boateng Asante Osei Agyeman Abdi Hassan Warsame Farah Osman Yusuf Omar Hersi Jama Wiśniewski
Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Popescu Ionescu Popa Radu Dumitru
Stan Stoica Gheorghe Kazlauskas Jankauskas Petrauskas Yilmaz Kaya Demir Şahin Çelik Aydin Öztürk Silva Santos Ferreira
Pereira Costa Oliveira Rodrigues O'Sullivan Doherty Gallagher MacDonald MacLeod Fraser Thomson Al-Hassan El-Sayed Abdullah
Ibrahim Haddad Mansour Tesfaye Haile Ghebremedhin Tekle Ahmadi Rahimi Hakimi Karimi Hoxha Krasniqi Berisha Shehu Georgiou
Christodoulou Constantinou Rossi Russo Esposito Romano`
    .split(/\s+/)
    .filter(Boolean);

/** The long tail: English place-name surnames made of two parts (Ashworth, Thornbury), about a thousand of them. */
export const SURNAME_HEADS =
  `Ash Brad Thorn Whit Hart Kings Wood Stan Mor Bur Cal Dun Fair Gold Hal Hol Lang Mar Mid
New Ox Pen Rad Roth Sand Shel Ster Stock Sut Wal War Wes Wick Win Wor Ald Brom Chad Ed Hather`
    .split(/\s+/)
    .filter(Boolean);
export const SURNAME_TAILS =
  `ley ton field wood ford worth by ham well combe bury more dale hurst wick stead cott lock mere
thwaite ridge brook den shaw low`
    .split(/\s+/)
    .filter(Boolean);

export const GIVEN_NAMES_FEMALE =
  `Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Willow Freya Florence Emily
Ella Poppy Evie Elsie Charlotte Evelyn Sienna Sofia Daisy Phoebe Sophie Alice Harper Matilda Ruby Emilia Maya Millie Isabelle
Eva Luna Jessica Aria Chloe Esme Lucy Hallie Ellie Mila Amy Layla Holly Zara Hannah Maryam Aisha Fatima Amira Hafsa Zainab
Khadija Ayesha Nadia Priya Simran Harleen Anaya Zoya Maja Zuzanna Julia Lena Hanna Oliwia Amelie Katarzyna Agnieszka
Aleksandra Natalia Ioana Andreea Elena Maria Ana Chiamaka Adaeze Ngozi Abena Ama Akosua Efua Hodan Hibo Ayan Sagal Mei Xin
Linh Leyla Elif Zeynep Aoife Siobhan Niamh Saoirse Ciara Margaret Elizabeth Sarah Rebecca Victoria Samantha Jennifer
Catherine Katherine Susan Patricia Deborah Amanda Michelle Nicola Kelly Emma Laura Rachel Lisa Joanne Claire Louise Gemma
Kirsty Stacey Danielle Jade Natalie Leanne Kayleigh Chelsea Shannon Courtney Megan Bethany Abigail`
    .split(/\s+/)
    .filter(Boolean);

export const GIVEN_NAMES_MALE =
  `Muhammad Noah Oliver George Arthur Leo Harry Oscar Archie Henry Theodore Freddie Jack Charlie
Theo Alfie Jacob Thomas Finley Arlo William Lucas Roman Tommy Isaac Teddy Luca Edward Ezra Reggie Albie Jaxon Hugo Ethan
Elijah Joshua Max Mason James Adam Ibrahim Yusuf Ali Omar Hamza Ayaan Zayn Mohammed Mohammad Ahmed Abdullah Aarav Arjun
Harpreet Gurpreet Jaswinder Rajesh Kacper Jakub Szymon Filip Antoni Aleksander Wojciech Piotr Tomasz Andrzej Krzysztof
Mateusz Stefan Andrei Alexandru Ionut Mihai Chukwuemeka Oluwaseun Tobi Emeka Kwame Kofi Kwabena Abdi Abdirahman Mahad Liban
Wei Jun Minh Duc Mehmet Mustafa Emre Cian Oisin Sean Conor Declan Michael David Paul Mark Andrew Richard Christopher Daniel
Matthew Stephen Steven Robert John Peter Anthony Kevin Gary Lee Craig Darren Jason Wayne Dean Ryan Liam Jordan Callum Kieran
Connor Bradley Jamie Lewis Nathan Samuel Benjamin Joseph Alexander Patrick Francis Kenneth Raymond Terence`
    .split(/\s+/)
    .filter(Boolean);

export const STREETS =
  `High Street|Church Road|Station Road|Victoria Road|Green Lane|Manor Road|Church Lane|Park Road|
London Road|Queens Road|The Avenue|Grange Road|New Road|Kings Road|Alexandra Road|Albert Road|York Road|Mill Lane|
Springfield Road|Orchard Way|Chestnut Close|Elm Grove|Windsor Road|Highfield Road|St Johns Road|Broadway|Oak Avenue`
    .split('|')
    .map((street) => street.trim())
    .filter(Boolean);

export const TOWNS = [
  'Croydon',
  'Bexley',
  'Northampton',
  'Warwick',
  'Blackburn',
  'Darwen',
  'Kettering',
  'Rugby',
];
/** Postcode areas of those towns, so the postcodes look like theirs. */
export const POSTCODE_AREAS = ['CR', 'DA', 'NN', 'CV', 'BB', 'SE', 'BR'];

/**
 * Less common given names, drawn one time in four (uniformly): real given names have a long tail, and
 * without it the synthetic people would share names and dates of birth far more often than people do.
 */
export const RARER_GIVEN_NAMES_FEMALE =
  `Aaliyah Ada Adele Agata Aimee Alba Alexa Alisha Amara Amber Anais Andrea Angel Anika Annabel
Antonia Arabella Arwen Astrid Aurelia Autumn Ayla Beatrice Bella Blessing Bonnie Brooke Caitlin Camila Carmen Cassie Celine
Clara Cleo Connie Cora Darcey Delilah Demi Diana Dolly Edie Eden Eleanor Eliza Elodie Eloise Elsa Ember Erin Esther Faith
Farah Felicity Fern Francesca Gabriela Georgia Gracie Greta Hallie Harriet Hazel Heidi Hope Imani Imogen India Iris Isobel
Jasmine Jemima Joy Juliet Kaja Karina Keira Lacey Lara Laila Leila Lexi Lilah Lottie Lucia Lyla Mabel Macey Madison Margot
Marnie Martha Matilde Maisie Mariam Melissa Mercy Miriam Molly Nancy Naomi Nell Nina Nora Orla Paige Penelope Pippa Precious
Quinn Rhea Riya Robyn Rosa Rose Safa Sana Sara Scarlett Serena Sienna Skye Summer Tallulah Tamara Tessa Thea Tilly Valentina
Vera Violet Wren Yasmin Zahra Zainab Zoe`
    .split(/\s+/)
    .filter(Boolean);

export const RARER_GIVEN_NAMES_MALE =
  `Aaron Abel Aiden Alan Albert Alfred Ambrose Amir Angus Anton Ari Arran Aryan Asher Austin
Axel Barnaby Beau Bilal Blake Bobby Brandon Caleb Cameron Carlos Casper Cayden Cillian Clark Cody Colin Cyrus Dale Damian
Dante Darius Dawid Denis Dexter Dominic Douglas Dylan Eddie Edwin Eli Elliot Emmanuel Enzo Eric Evan Ewan Fabian Felix Fergus
Flynn Frank Gabriel Gethin Gideon Gordon Grayson Hadi Harvey Hassan Hayden Hector Hudson Idris Igor Ivan Jake Jasper Jay Jesse
Jonah Jude Julian Kai Karol Kayden Kenzo Kian Kit Kobe Kyle Laurence Lennon Leon Levi Lochlan Logan Louie Lukas Malik Marcus
Marek Mario Marley Miles Milo Mohamed Nasir Neil Nico Niall Nolan Otis Owen Pablo Rafael Ralph Reuben Rhys Rohan Ronan Rory
Rufus Sami Seth Shay Silas Simon Sonny Stanley Tariq Tobias Toby Trevor Tyler Victor Vincent Wilfred Xavier Yahya Yaseen
Zac Zachary Zane`
    .split(/\s+/)
    .filter(Boolean);
